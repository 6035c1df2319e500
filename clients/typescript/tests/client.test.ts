// The TypeScript client against a running server: TODO_BASE_URL names it (the xunit test TypeScriptClientTests
// starts one and runs `npm test` in clients/). Run by hand: TODO_BASE_URL=http://localhost:5080 npm test --prefix clients
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { before, describe, test } from "node:test";
import { createTodoClient, TodoApiError, unwrap, type TodoClient } from "../src/index.js";

const baseUrl = process.env.TODO_BASE_URL;
if (!baseUrl) {
  throw new Error("Set TODO_BASE_URL to the address of a running Todo server.");
}

describe("the TypeScript client", () => {
  const email = `ts-${randomUUID()}@example.com`;
  const password = "correct horse battery";
  let token: string | undefined;
  let client: TodoClient;

  before(async () => {
    client = createTodoClient({ baseUrl, token: () => token });
    const user = await unwrap(client.POST("/api/auth/register", { body: { email, password, time_zone: "Europe/London" } }));
    assert.equal(user.email, email);
    const login = await unwrap(client.POST("/api/auth/login", { body: { email, password } }));
    assert.equal(login.token_type, "bearer");
    token = login.access_token;
  });

  test("a taken email is a typed error with the problem's detail", async () => {
    const error = await unwrap(client.POST("/api/auth/register", { body: { email, password } })).then(
      () => assert.fail("registering twice succeeded"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TodoApiError);
    assert.equal(error.status, 409);
    assert.equal(error.message, "An account with this email already exists.");
    assert.equal(error.problem.title, "Email taken");
  });

  test("creates, lists a page at a time, completes and deletes tasks", async () => {
    const titles = ["First", "Second", "Third"];
    const created = [];
    for (const title of titles) {
      created.push(await unwrap(client.POST("/api/tasks", { body: { title, labels: ["ts"] } })));
    }
    assert.deepEqual(created.map((t) => t.title), titles);

    const first = await unwrap(client.GET("/api/tasks", { params: { query: { limit: 2, sort: "number" } } }));
    assert.deepEqual(first.items.map((t) => t.title), ["First", "Second"]);
    assert.ok(first.next_cursor);
    const second = await unwrap(
      client.GET("/api/tasks", { params: { query: { limit: 2, sort: "number", cursor: first.next_cursor } } }),
    );
    assert.deepEqual(second.items.map((t) => t.title), ["Third"]);
    assert.equal(second.next_cursor ?? null, null);

    const id = created[0].id;
    const completed = await unwrap(client.PATCH("/api/tasks/{id}/complete", { params: { path: { id } } }));
    assert.equal(completed.is_completed, true);

    await unwrap(client.DELETE("/api/tasks/{id}", { params: { path: { id } } }));
    const gone = await unwrap(client.GET("/api/tasks/{id}", { params: { path: { id } } })).then(
      () => assert.fail("the deleted task was found"),
      (e: unknown) => e,
    );
    assert.ok(gone instanceof TodoApiError);
    assert.equal(gone.status, 404);
    assert.equal(gone.message, "You have no task with this id.");
  });

  test("a chat turn with the built-in assistant adds a task", async () => {
    const turn = await unwrap(client.POST("/api/chat", { body: { message: "add a task to water the plants" } }));
    assert.ok(typeof turn === "object", "the answer is JSON (text/event-stream only when asked for)");
    assert.ok(turn.conversation_id);
    assert.match(turn.response, /water the plants/i);
    const found = await unwrap(client.GET("/api/tasks", { params: { query: { q: "water the plants" } } }));
    assert.equal(found.items.length, 1);
  });

  test("a request without a token is a 401 problem", async () => {
    const anonymous = createTodoClient({ baseUrl });
    const error = await unwrap(anonymous.GET("/api/tasks")).then(
      () => assert.fail("listing without a token succeeded"),
      (e: unknown) => e,
    );
    assert.ok(error instanceof TodoApiError);
    assert.equal(error.status, 401);
  });
});
