// The Todo API's TypeScript client: openapi-fetch typed by the paths of schema.ts (openapi-typescript's output of the
// server's OpenAPI description; clients/generate.sh writes it). This file adds the bearer token and a typed error.
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** An RFC 9457 problem: every error answer of the API. */
export type Problem = components["schemas"]["ProblemDetails"] & {
  errors?: Record<string, string[]>;
};

/** A 4xx or 5xx answer: its status and problem; the message is the problem's detail (or its title). */
export class TodoApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
    this.name = "TodoApiError";
    this.status = status;
    this.problem = problem;
  }
}

export type TodoClient = Client<paths>;

export interface TodoClientOptions {
  /** The server's address, e.g. http://localhost:5080. */
  baseUrl: string;
  /** An access token (POST /api/auth/login) or a personal access token, or a function giving the current one. */
  token?: string | (() => string | undefined);
  /** A fetch to use instead of the global one. */
  fetch?: typeof globalThis.fetch;
}

/** A client of every route of the API: `client.GET("/api/tasks", { params: { query: { limit: 20 } } })`. */
export function createTodoClient(options: TodoClientOptions): TodoClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ""), fetch: options.fetch });
  const bearer: Middleware = {
    onRequest({ request }) {
      const token = typeof options.token === "function" ? options.token() : options.token;
      if (token) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      return request;
    },
  };
  client.use(bearer);
  return client;
}

/**
 * The data of a successful answer (undefined for 204), or a thrown TodoApiError holding the problem:
 * `const task = await unwrap(client.POST("/api/tasks", { body: { title: "Buy milk" } }))`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const problem = (typeof error === "object" && error !== null ? error : { title: response.statusText }) as Problem;
    throw new TodoApiError(response.status, problem);
  }
  return data as T;
}
