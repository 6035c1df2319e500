#!/usr/bin/env python3
"""Helpers for bench/run.sh (standard library only).

  bench.py seed   --base URL --provider postgres|sqlite [--psql ... | --sqlite PATH] --out DIR
      Seeds one running server: users through the API, their tasks, the user with 100,000 tasks and the
      conversations with 10,000 messages through SQL; walks the 100k user's pages for the deep cursor;
      measures X-Db-Commands of a list request. Writes DIR/PROVIDER-data.lua (for the wrk scripts) and DIR/PROVIDER-seed.json.

  bench.py report --work DIR --out FILE
      Reads the recorded runs in DIR and writes the results file, checking the targets.
"""

import argparse
import collections
import concurrent.futures
import datetime as dt
import glob
import http.client
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import uuid

PASSWORD = "bench-password-1"
SCENARIOS = [
    ("list", "list tasks (50 per page)"),
    ("create", "create task"),
    ("toggle", "toggle completion"),
    ("first_page", "100k-task user: first page"),
    ("deep_page", "100k-task user: page ~2,000"),
    ("filter_list", "100k-task user: filter #\"Bench list 05\" (1 of 20 lists)"),
    ("filter_label", "100k-task user: filter @label3 (1 of 10 labels)"),
    ("filter_priority_list", "100k-task user: filter priority:high & #\"Bench list 05\""),
    ("sort_priority", "100k-task user: sort=priority"),
    ("filter_deep", "100k-task user: filter @label3, a page ~170 deep"),
    ("due_today_overdue", "100k-task user: filter today | overdue"),
    ("due_next_week", "100k-task user: filter next 7 days"),
    ("sort_due", "100k-task user: sort=due"),
    ("due_today_overdue_deep", "100k-task user: filter today | overdue, a page ~200 deep"),
    ("due_next_week_deep", "100k-task user: filter next 7 days, a page ~30 deep"),
    ("sort_due_deep", "100k-task user: sort=due, a page ~1,000 deep"),
    ("activity_first", "100k-task user: activity, first page"),
    ("activity_deep", "100k-task user: activity, a page ~1,000 deep (of 2,000)"),
    ("chat_new", "chat turn, new conversation"),
    ("chat_long", "chat turn, 10,000-message conversations (32, about one turn in flight in each)"),
    ("chat_shared", "chat turn, all connections in ONE 10,000-message conversation"),
    ("health", "/health/ready"),
]


# The big user's filtered and sorted pages (bench/query.lua runs them by key): its tasks are spread over 20 lists
# ("Bench list 01".."Bench list 20", number % 20) and 10 labels ("label0".."label9", number % 11; every 11th has none),
# with priorities (number / 20) % 4, by spread_tasks below.
BIG_LISTS, BIG_LABELS = 20, 10
FILTER_LIST = '#"Bench list 05"'
FILTER_LABEL = "@label3"
QUERIES = {
    "filter_list": "limit=50&filter=" + urllib.parse.quote(FILTER_LIST, safe=""),
    "filter_label": "limit=50&filter=" + urllib.parse.quote(FILTER_LABEL, safe=""),
    "filter_priority_list": "limit=50&filter=" + urllib.parse.quote("priority:high & " + FILTER_LIST, safe=""),
    "sort_priority": "limit=50&sort=priority",
    "due_today_overdue": "limit=50&filter=" + urllib.parse.quote("today | overdue", safe=""),
    "due_next_week": "limit=50&filter=" + urllib.parse.quote("next 7 days", safe=""),
    "sort_due": "limit=50&sort=due",
}
# filter_deep is filter_label with the cursor of its page FILTER_DEEP_PAGE (found by walking the pages).
FILTER_DEEP_PAGE = 170
# Deep pages of the due queries: (query, page), found by walking the pages as for filter_deep. Half of the big user's
# tasks are due, one a day over 180 days from 60 days ago (about 280 a day; every second one at 09:00, every fifth a
# weekly one), by date_tasks below: today | overdue (pending only: a third are completed) has about 228 pages,
# next 7 days about 39, sort=due 2,000.
DUE_DEEP = {
    "due_today_overdue_deep": ("due_today_overdue", 200),
    "due_next_week_deep": ("due_next_week", 30),
    "sort_due_deep": ("sort_due", 1000),
}


# The big user's activity log has one event per task (add_activity); activity_deep is its page ACTIVITY_DEEP_PAGE.
ACTIVITY_DEEP_PAGE = 1000


# --------------------------------------------------------------------------------------------- HTTP

class Api:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def call(self, method, path, body=None, token=None, expect=(200,)):
        headers = {"Accept": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=data, headers=headers)
                response = self.conn.getresponse()
                raw = response.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise
        if response.status not in expect:
            raise SystemExit(f"bench.py: {method} {path} answered {response.status}: {raw[:500]!r}")
        return response, (json.loads(raw) if raw else None)

    def register_and_login(self, email):
        self.call("POST", "/api/auth/register", {"email": email, "password": PASSWORD}, expect=(201,))
        _, login = self.call("POST", "/api/auth/login", {"email": email, "password": PASSWORD})
        return login["access_token"], login["user"]["id"]


# ---------------------------------------------------------------------------------------------- SQL

class Postgres:
    def __init__(self, psql, host, port, database):
        self.command = [psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", host, "-p", str(port), "-U", "postgres", "-d", database]

    def run(self, sql):
        result = subprocess.run(self.command + ["-At"], input=sql, text=True, capture_output=True, timeout=300)
        if result.returncode != 0:
            raise SystemExit(f"bench.py: psql failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def user_ids(self, emails):
        rows = self.run("SELECT email, id FROM users WHERE email IN (%s);" % ", ".join(f"'{e}'" for e in emails))
        return dict(line.split("|") for line in rows.splitlines())

    def add_tasks(self, user_ids, count, completed_every=0):
        """
        Tasks 1..count for each user, dated a second apart, and each user's counter after them. Their ids grow with the
        number, as the server's UUIDv7 ids grow with the time of creation (random ids would scatter a page's lookups by
        task id, in task_labels' primary key, over the whole index).
        """
        done = f"n % {completed_every} = 0" if completed_every else "FALSE"
        ids = ", ".join(f"'{u}'" for u in user_ids)
        self.run(f"""
            INSERT INTO tasks (id, user_id, list_id, priority, number, title, description, is_completed, created_at, updated_at, completed_at)
            SELECT (lpad(to_hex(n), 12, '0') || '7' || substr(md5(u::text || n), 1, 19))::uuid,
                   u, (SELECT l.id FROM lists l WHERE l.user_id = u AND l.is_inbox), 0, n, 'Seeded task ' || n, NULL, {done},
                   now() - make_interval(secs => {count} - n + 60), now() - make_interval(secs => {count} - n + 60),
                   CASE WHEN {done} THEN now() END
            FROM unnest(ARRAY[{ids}]::uuid[]) AS u CROSS JOIN generate_series(1, {count}) AS n;
            UPDATE users SET task_number_seq = {count} WHERE id IN ({ids});
        """)

    def spread_tasks(self, user_id, lists, labels):
        """The user's tasks over new lists (number % lists), labels (number % 11 below labels) and priorities ((number / 20) % 4)."""
        self.run(f"""
            INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at)
            SELECT gen_random_uuid(), '{user_id}', 'Bench list ' || lpad(k::text, 2, '0'), 'bench list ' || lpad(k::text, 2, '0'), FALSE, now(), now()
            FROM generate_series(1, {lists}) AS k;
            UPDATE tasks AS t SET list_id = l.id, priority = ((t.number / 20) % 4)::smallint
            FROM lists AS l
            WHERE t.user_id = '{user_id}' AND l.user_id = t.user_id
              AND l.normalized_name = 'bench list ' || lpad((t.number % {lists} + 1)::text, 2, '0');
            INSERT INTO task_labels (task_id, user_id, task_number, label)
            SELECT id, user_id, number, 'label' || (number % 11) FROM tasks WHERE user_id = '{user_id}' AND number % 11 < {labels};
        """)

    def date_tasks(self, user_id):
        """Due dates for the user's even-numbered tasks (see DUE_DEEP); the zone is the user's, UTC."""
        self.run(f"""
            UPDATE tasks SET due_date = current_date + ((number / 2) % 180 - 60)::int,
                             due_recurrence = CASE WHEN number % 10 = 0 THEN 'FREQ=WEEKLY' END
            WHERE user_id = '{user_id}' AND number % 2 = 0;
            UPDATE tasks SET due_time = CASE WHEN number % 4 = 0 THEN time '09:00' END,
                             due_time_zone = CASE WHEN number % 4 = 0 THEN 'UTC' END,
                             due_at = CASE WHEN number % 4 = 0 THEN (due_date + time '09:00') AT TIME ZONE 'UTC' END,
                             due_order = (due_date + CASE WHEN number % 4 = 0 THEN time '09:00' ELSE time '00:00' END) AT TIME ZONE 'UTC'
            WHERE user_id = '{user_id}' AND due_date IS NOT NULL;
        """)

    def add_activity(self, user_id):
        """One event for each of the user's tasks, as if each had been created through the API."""
        self.run(f"""
            INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes)
            SELECT user_id, number, gen_random_uuid(), created_at, 'api', 'created', id, number, title,
                   '{{"title":[null,"' || title || '"]}}'
            FROM tasks WHERE user_id = '{user_id}';
            UPDATE users SET activity_seq = (SELECT max(seq) FROM activity WHERE user_id = '{user_id}') WHERE id = '{user_id}';
        """)

    def add_conversations(self, user_id, conversation_ids, count):
        """Conversations of the user with count messages each, alternating user and assistant, a second apart."""
        ids = ", ".join(f"'{c}'" for c in conversation_ids)
        self.run(f"""
            INSERT INTO conversations (id, user_id, title, created_at, updated_at, is_deleted, deleted_at)
            SELECT c, '{user_id}', 'Seeded conversation', now() - interval '1 day', now() - interval '1 minute', FALSE, NULL
            FROM unnest(ARRAY[{ids}]::uuid[]) AS c;
            INSERT INTO messages (id, conversation_id, role, content, created_at)
            SELECT gen_random_uuid(), c,
                   (CASE WHEN n % 2 = 1 THEN 'USER' ELSE 'ASSISTANT' END)::message_role,
                   CASE WHEN n % 2 = 1 THEN 'add buy seeded item ' || n ELSE 'Added task: buy seeded item ' || (n - 1) || '.' END,
                   now() - make_interval(secs => {count} - n + 60)
            FROM unnest(ARRAY[{ids}]::uuid[]) AS c CROSS JOIN generate_series(1, {count}) AS n;
        """)

    def finish(self):
        # Statistics for the planner, and the seeding's WAL written out now rather than during a measured run.
        self.run("VACUUM ANALYZE;")
        self.run("CHECKPOINT;")

    def count_messages(self, conversation_id):
        return int(self.run(f"SELECT count(*) FROM messages WHERE conversation_id = '{conversation_id}';"))


class Sqlite:
    """EF Core's SQLite storage: GUIDs as upper-case text, DateTime as 'yyyy-MM-dd HH:mm:ss.FFFFFFF', bools as 0/1."""

    FORMAT = "%Y-%m-%d %H:%M:%S.%f"

    def __init__(self, path):
        self.db = sqlite3.connect(path, timeout=30)

    def user_ids(self, emails):
        rows = self.db.execute("SELECT email, id FROM users WHERE email IN (%s)" % ", ".join("?" * len(emails)), emails)
        return dict(rows.fetchall())

    # Generated inside SQLite (a recursive CTE), as on PostgreSQL: GUID text in EF Core's upper-case
    # 8-4-4-4-12 form, times as 'yyyy-MM-dd HH:mm:ss.fff' UTC, which EF Core reads back.
    GUID = ("upper(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-a' || substr(h, 18, 3) "
            "|| '-' || substr(h, 21, 12))")
    SERIES = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < :count) "

    def add_tasks(self, user_ids, count, completed_every=0):
        """As Postgres.add_tasks: the ids grow with the number."""
        done = f"(x % {completed_every} = 0)" if completed_every else "0"
        with self.db:
            for user_id in user_ids:
                self.db.execute(
                    self.SERIES +
                    "INSERT INTO tasks (id, user_id, list_id, priority, number, title, description, is_completed, created_at, updated_at, completed_at) "
                    f"SELECT {self.GUID}, :user, (SELECT id FROM lists WHERE user_id = :user AND is_inbox = 1), 0, x, 'Seeded task ' || x, NULL, {done}, at, at, "
                    f"CASE WHEN {done} THEN strftime('%Y-%m-%d %H:%M:%f', 'now') END "
                    "FROM (SELECT x, printf('%012X', x) || hex(randomblob(10)) AS h, "
                    "      strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (:count - x + 60) || ' seconds') AS at FROM n)",
                    {"count": count, "user": user_id})
                self.db.execute("UPDATE users SET task_number_seq = ? WHERE id = ?", (count, user_id))

    def spread_tasks(self, user_id, lists, labels):
        """As Postgres.spread_tasks."""
        now = "strftime('%Y-%m-%d %H:%M:%f', 'now')"
        with self.db:
            for k in range(1, lists + 1):
                list_id = str(uuid.uuid4()).upper()
                self.db.execute(
                    f"INSERT INTO lists (id, user_id, name, normalized_name, is_inbox, created_at, updated_at) VALUES (?, ?, ?, ?, 0, {now}, {now})",
                    (list_id, user_id, f"Bench list {k:02d}", f"bench list {k:02d}"))
                self.db.execute("UPDATE tasks SET list_id = ?, priority = (number / 20) % 4 WHERE user_id = ? AND number % ? = ?",
                                (list_id, user_id, lists, k - 1))
            self.db.execute(
                "INSERT INTO task_labels (task_id, user_id, task_number, label) "
                "SELECT id, user_id, number, 'label' || (number % 11) FROM tasks WHERE user_id = ? AND number % 11 < ?", (user_id, labels))

    def date_tasks(self, user_id):
        """As Postgres.date_tasks."""
        with self.db:
            self.db.execute(
                "UPDATE tasks SET due_date = date('now', ((number / 2) % 180 - 60) || ' days'), "
                "due_recurrence = CASE WHEN number % 10 = 0 THEN 'FREQ=WEEKLY' END WHERE user_id = ? AND number % 2 = 0", (user_id,))
            self.db.execute(
                "UPDATE tasks SET due_time = CASE WHEN number % 4 = 0 THEN '09:00:00' END, "
                "due_time_zone = CASE WHEN number % 4 = 0 THEN 'UTC' END, "
                "due_at = CASE WHEN number % 4 = 0 THEN due_date || ' 09:00:00' END, "
                "due_order = due_date || CASE WHEN number % 4 = 0 THEN ' 09:00:00' ELSE ' 00:00:00' END "
                "WHERE user_id = ? AND due_date IS NOT NULL", (user_id,))

    def add_activity(self, user_id):
        """As Postgres.add_activity."""
        with self.db:
            self.db.execute(
                "INSERT INTO activity (user_id, seq, batch_id, at, source, kind, task_id, task_number, task_title, changes) "
                "SELECT user_id, number, upper(hex(randomblob(16))), created_at, 'api', 'created', id, number, title, "
                "'{\"title\":[null,\"' || title || '\"]}' FROM tasks WHERE user_id = ?", (user_id,))
            self.db.execute(
                "UPDATE users SET activity_seq = (SELECT max(seq) FROM activity WHERE user_id = ?) WHERE id = ?", (user_id, user_id))

    def add_conversations(self, user_id, conversation_ids, count):
        with self.db:
            for c in conversation_ids:
                self.db.execute(
                    "INSERT INTO conversations (id, user_id, title, created_at, updated_at, is_deleted, deleted_at) "
                    "VALUES (?, ?, 'Seeded conversation', strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 day'), "
                    "strftime('%Y-%m-%d %H:%M:%f', 'now', '-1 minute'), 0, NULL)", (c.upper(), user_id))
                self.db.execute(
                    self.SERIES +
                    "INSERT INTO messages (id, conversation_id, role, content, created_at) "
                    f"SELECT {self.GUID}, :conversation, CASE WHEN x % 2 = 1 THEN 'USER' ELSE 'ASSISTANT' END, "
                    "CASE WHEN x % 2 = 1 THEN 'add buy seeded item ' || x ELSE 'Added task: buy seeded item ' || (x - 1) || '.' END, "
                    "strftime('%Y-%m-%d %H:%M:%f', 'now', '-' || (:count - x + 60) || ' seconds') "
                    "FROM (SELECT x, hex(randomblob(16)) AS h FROM n)",
                    {"count": count, "conversation": c.upper()})

    def finish(self):
        # Statistics for the planner, and the seeding's WAL folded into the database file now rather than by
        # the server's first writes during a measured run.
        with self.db:
            self.db.execute("ANALYZE")
        self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def count_messages(self, conversation_id):
        return self.db.execute(
            "SELECT count(*) FROM messages WHERE conversation_id = ?", (conversation_id.upper(),)).fetchone()[0]


# --------------------------------------------------------------------------------------------- seed

def seed(args):
    started = time.monotonic()
    last = [started]

    def phase(name):
        now = time.monotonic()
        print(f"  seed: {name} {now - last[0]:.1f} s", file=sys.stderr)
        last[0] = now
    api = Api(args.base)
    if args.provider == "postgres":
        sql = Postgres(args.psql, args.pg_host, args.pg_port, args.pg_database)
    else:
        sql = Sqlite(args.sqlite)

    # Users through the API (registration hashes the password: a few at a time).
    chat_modes = ("new", "long", "shared")
    chat_emails = {mode: f"chat-{mode}@bench.test" for mode in chat_modes}
    emails = [f"user{i}@bench.test" for i in range(args.users)] + ["big@bench.test"] + list(chat_emails.values())
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        tokens_by_email = dict(zip(emails, pool.map(lambda e: Api(args.base).register_and_login(e)[0], emails)))
    phase("users registered and signed in")
    ids = sql.user_ids(emails)  # as stored: PostgreSQL uuid text, SQLite upper-case text
    tokens = [tokens_by_email[e] for e in emails[:args.users]]
    big_token = tokens_by_email["big@bench.test"]
    chat_tokens = {mode: tokens_by_email[email] for mode, email in chat_emails.items()}

    # Tasks by SQL: 100 for each user, 100,000 for the big user, 60 pending ones for each chat user (so that
    # "what's pending?" always lists a full 50). Each chat scenario has a user of its own, so the tasks its "add"
    # turns create weigh on that scenario alone: the scenarios compared start from the same state.
    sql.add_tasks([ids[e] for e in emails[:args.users]], args.tasks_per_user, completed_every=4)
    sql.add_tasks([ids["big@bench.test"]], args.big_tasks, completed_every=3)
    sql.spread_tasks(ids["big@bench.test"], BIG_LISTS, BIG_LABELS)
    sql.date_tasks(ids["big@bench.test"])
    sql.add_activity(ids["big@bench.test"])
    sql.add_tasks([ids[email] for email in chat_emails.values()], 60)
    phase("tasks")

    # Conversations of 10,000 messages by SQL: several for chat_long, so that the load has about one turn in
    # flight per conversation, as people have; one for chat_shared, where every connection takes part.
    conversations = [str(uuid.uuid4()) for _ in range(args.conversations)]
    shared_conversation = str(uuid.uuid4())
    sql.add_conversations(ids[chat_emails["long"]], conversations, args.messages)
    sql.add_conversations(ids[chat_emails["shared"]], [shared_conversation], args.messages)
    phase("conversations")
    sql.finish()
    phase("analyze and checkpoint")
    messages = sql.count_messages(conversations[0])
    _, history = api.call("GET", f"/api/conversations/{shared_conversation}/messages?limit=2", token=chat_tokens["shared"])
    if len(history["items"]) != 2:
        raise SystemExit(f"bench.py: the seeded conversation does not read back: {history}")

    toggles = []
    for token in tokens:
        _, page = api.call("GET", "/api/tasks?limit=5", token=token)
        toggles.extend({"token": token, "id": t["id"]} for t in page["items"])

    # The deep cursor: walk the 100k user's pages (100 at a time, the largest page) to the one before
    # page ~2,000 of 50; the cursor only holds the last number, whatever the page size that made it.
    target = args.deep_page * 50 - 50  # tasks before the deep page
    cursor, seen, walked = None, 0, 0
    while seen < target:
        step = min(100, target - seen)
        path = f"/api/tasks?limit={step}" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        _, page = api.call("GET", path, token=big_token)
        seen += len(page["items"])
        walked += 1
        cursor = page["next_cursor"]
        if not cursor:
            raise SystemExit(f"bench.py: the 100k user's list ended after {seen} tasks")
    phase(f"deep cursor ({walked} pages)")
    _, first = api.call("GET", "/api/tasks?limit=50", token=big_token)
    _, deep = api.call("GET", f"/api/tasks?limit=50&cursor={urllib.parse.quote(cursor)}", token=big_token)
    if len(deep["items"]) != 50 or deep["items"][0]["number"] != target + 1:
        raise SystemExit(f"bench.py: the deep page is not what was expected: {deep['items'][:1]}")

    # The filtered pages: each must hold 50 tasks; the deep one is page FILTER_DEEP_PAGE of filter_label's pages.
    for key, query in QUERIES.items():
        _, page = api.call("GET", "/api/tasks?" + query, token=big_token)
        if len(page["items"]) != 50:
            raise SystemExit(f"bench.py: {key} lists {len(page['items'])} tasks, not 50")
    filter_cursor = None
    for _ in range(FILTER_DEEP_PAGE - 1):
        path = "/api/tasks?" + QUERIES["filter_label"] + (f"&cursor={urllib.parse.quote(filter_cursor)}" if filter_cursor else "")
        _, page = api.call("GET", path, token=big_token)
        filter_cursor = page["next_cursor"]
        if not filter_cursor:
            raise SystemExit("bench.py: the filtered list ended before its deep page")
    big_paths = {key: "/api/tasks?" + query for key, query in QUERIES.items()}
    big_paths["filter_deep"] = "/api/tasks?" + QUERIES["filter_label"] + "&cursor=" + urllib.parse.quote(filter_cursor)
    _, filter_deep = api.call("GET", big_paths["filter_deep"], token=big_token)
    if len(filter_deep["items"]) != 50 or any(FILTER_LABEL[1:] not in t["labels"] for t in filter_deep["items"]):
        raise SystemExit("bench.py: the deep filtered page is not 50 tasks with the label")
    for key, (query, page_number) in DUE_DEEP.items():
        # Walked 100 at a time: a cursor holds only the last task's keys, whatever the page size that made it.
        due_cursor, seen = None, 0
        while seen < (page_number - 1) * 50:
            step = min(100, (page_number - 1) * 50 - seen)
            path = "/api/tasks?" + QUERIES[query].replace("limit=50", f"limit={step}")
            _, page = api.call("GET", path + (f"&cursor={urllib.parse.quote(due_cursor)}" if due_cursor else ""), token=big_token)
            seen += len(page["items"])
            due_cursor = page["next_cursor"]
            if not due_cursor:
                raise SystemExit(f"bench.py: {query} ended after {seen} tasks, before its page {page_number}")
        big_paths[key] = "/api/tasks?" + QUERIES[query] + "&cursor=" + urllib.parse.quote(due_cursor)
        _, page = api.call("GET", big_paths[key], token=big_token)
        if len(page["items"]) != 50 or any(t["due"] is None for t in page["items"]):
            raise SystemExit(f"bench.py: {key} is not 50 tasks with due dates")
    # The activity log of the big user: its first page and one ~1,000 pages deep (walked 100 at a time).
    big_paths["activity_first"] = "/api/activity?limit=50"
    activity_cursor, seen = None, 0
    while seen < (ACTIVITY_DEEP_PAGE - 1) * 50:
        step = min(100, (ACTIVITY_DEEP_PAGE - 1) * 50 - seen)
        _, page = api.call("GET", f"/api/activity?limit={step}" + (f"&cursor={urllib.parse.quote(activity_cursor)}" if activity_cursor else ""),
                           token=big_token)
        seen += len(page["items"])
        activity_cursor = page["next_cursor"]
        if not activity_cursor:
            raise SystemExit(f"bench.py: the activity log ended after {seen} events, before its page {ACTIVITY_DEEP_PAGE}")
    big_paths["activity_deep"] = "/api/activity?limit=50&cursor=" + urllib.parse.quote(activity_cursor)
    _, page = api.call("GET", big_paths["activity_deep"], token=big_token)
    if len(page["items"]) != 50 or page["items"][0]["id"] != args.big_tasks - (ACTIVITY_DEEP_PAGE - 1) * 50:
        raise SystemExit(f"bench.py: the deep activity page does not start at event {args.big_tasks - (ACTIVITY_DEEP_PAGE - 1) * 50}")
    phase("filtered pages")

    # Round trips of a list request: a fresh user's first (the active-user check is not cached yet) and second.
    probe_token, _ = api.register_and_login("probe@bench.test")
    counts = []
    for _ in range(2):
        response, _ = api.call("GET", "/api/tasks?limit=50", token=probe_token)
        counts.append(response.getheader("X-Db-Commands"))
    response, _ = api.call("GET", f"/api/tasks?limit=50&cursor={urllib.parse.quote(cursor)}", token=big_token)
    deep_count = response.getheader("X-Db-Commands")
    # Completing a repeating task (it moves to its next date) against completing a plain one: round trips of each.
    completion_counts = {}
    for kind, body in (("plain", {"title": "Plain bench task"}), ("recurring", {"title": "Daily bench task", "due_string": "every day"})):
        _, made = api.call("POST", "/api/tasks", body, token=probe_token, expect=(201,))
        response, done = api.call("PATCH", f"/api/tasks/{made['id']}", {"is_completed": True}, token=probe_token)
        completion_counts[kind] = response.getheader("X-Db-Commands")
        if kind == "recurring" and (done["is_completed"] or done["due"]["date"] == made["due"]["date"]):
            raise SystemExit(f"bench.py: completing a repeating task did not move it: {done}")
    query_counts = {}
    for key, path in big_paths.items():
        response, _ = api.call("GET", path, token=big_token)
        query_counts[key] = response.getheader("X-Db-Commands")

    with open(os.path.join(args.out, f"{args.provider}-data.lua"), "w") as f:
        f.write("return {\n")
        f.write("  tokens = {" + ", ".join(lua(t) for t in tokens) + "},\n")
        f.write("  toggles = {" + ", ".join("{token=%s, id=%s}" % (lua(t["token"]), lua(t["id"])) for t in toggles) + "},\n")
        f.write(f"  big_token = {lua(big_token)},\n  deep_cursor = {lua(urllib.parse.quote(cursor))},\n")
        f.write("  big_paths = {" + ", ".join(f"{key} = {lua(path)}" for key, path in big_paths.items()) + "},\n")
        f.write("  chat_tokens = {" + ", ".join(f"{mode} = {lua(token)}" for mode, token in chat_tokens.items()) + "},\n")
        f.write("  conversations = {" + ", ".join(lua(c) for c in conversations) + "},\n")
        f.write(f"  shared_conversation = {lua(shared_conversation)},\n}}\n")
    info = {
        "users": args.users, "tasks_per_user": args.tasks_per_user, "big_tasks": args.big_tasks,
        "messages": messages, "conversations": len(conversations) + 1, "deep_page": args.deep_page,
        "deep_first_number": deep["items"][0]["number"], "first_page_first_number": first["items"][0]["number"],
        "pages_walked": walked, "db_commands_list_cold": counts[0], "db_commands_list_warm": counts[1],
        "db_commands_deep_page": deep_count, "db_commands_queries": query_counts, "db_commands_completion": completion_counts,
        "filter_deep_first_number": filter_deep["items"][0]["number"], "seconds": round(time.monotonic() - started, 1),
    }
    with open(os.path.join(args.out, f"{args.provider}-seed.json"), "w") as f:
        json.dump(info, f, indent=2)
    print(f"seeded {args.provider} in {info['seconds']} s: {args.users} users x {args.tasks_per_user} tasks, "
          f"{args.big_tasks} tasks for big@bench.test, {len(conversations) + 1} conversations of {messages} messages; "
          f"deep page starts at #{info['deep_first_number']}; "
          f"X-Db-Commands of a list request: {counts[0]} (first), {counts[1]} (next)")


def lua(text):
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


# ------------------------------------------------------------------------------------------- report

BENCH_LINE = re.compile(r"^BENCH (.*)$", re.M)


def percentile(histogram, p):
    """wrk's percentile: the smallest value whose cumulative count reaches round(p% of the count + 0.5)."""
    total = sum(count for _, count in histogram)
    rank = round(p / 100.0 * total + 0.5)
    seen = 0
    for value, count in histogram:
        seen += count
        if seen >= rank:
            return value
    return histogram[-1][0] if histogram else 0


def read_run(work, provider, scenario):
    """A scenario's rounds together: counts added up, latency histograms merged; None when it did not run."""
    rounds = sorted(glob.glob(os.path.join(work, f"{glob.escape(provider)}-{glob.escape(scenario)}.*.out")))
    if not rounds:
        return None
    run = dict.fromkeys(["requests", "duration_us", "non2xx", "connect", "read", "write", "timeout", "non2xx_line"], 0)
    run.update(max_us=0, hwm_kb=0, rss_kb=0, rounds=len(rounds))
    histogram = collections.Counter()
    for out in rounds:
        text = open(out).read()
        match = BENCH_LINE.search(text)
        if not match:
            lines = text.strip().splitlines()
            return {"error": lines[-1] if lines else "no output"}
        values = {k: int(v) for k, v in (pair.split("=") for pair in match.group(1).split())}
        for key in ("requests", "duration_us", "non2xx", "connect", "read", "write", "timeout"):
            run[key] += values[key]
        run["max_us"] = max(run["max_us"], values["max_us"])
        non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
        run["non2xx_line"] += int(non2xx.group(1)) if non2xx else 0
        base = out[:-len(".out")]
        if os.path.exists(base + ".hist"):
            for line in open(base + ".hist"):
                value, count = map(int, line.split())
                histogram[value] += count
        if os.path.exists(base + ".rss"):
            rss = dict(item.split("=") for item in open(base + ".rss").read().split())
            run["hwm_kb"] = max(run["hwm_kb"], int(rss.get("hwm") or 0))
            run["rss_kb"] = int(rss.get("rss") or 0)
    ordered = sorted(histogram.items())
    run["p50_us"], run["p90_us"], run["p99_us"] = (percentile(ordered, p) for p in (50, 90, 99))
    run["rps"] = run["requests"] / (run["duration_us"] / 1e6) if run["duration_us"] else 0.0
    run["socket_errors"] = run["connect"] + run["read"] + run["write"] + run["timeout"]
    return run


def summary(args):
    run = read_run(args.work, args.provider, args.key)
    if run is None or "error" in run:
        print("failed: " + (run or {}).get("error", "no run"))
        return
    print(f"{run['rps']:.0f} req/s, p50 {ms(run['p50_us'])} ms, p99 {ms(run['p99_us'])} ms, max {ms(run['max_us'])} ms, "
          f"{run['requests']} requests in {run['rounds']} round(s), non-2xx {run['non2xx']}, socket errors {run['socket_errors']}, "
          f"peak RSS {run['hwm_kb'] / 1024:.0f} MB")


def ms(us):
    return f"{us / 1000:.2f}"


def report(args):
    meta = json.load(open(os.path.join(args.work, "meta.json")))
    lines = [f"# Benchmark {meta['date']}{' (quick)' if meta['quick'] else ''}", ""]
    lines += [
        f"- commit: `{meta['commit']}`",
        f"- machine: {meta['nproc']} cores, {meta['cpu']}, {meta['memory']} memory; {meta['os']}",
        f"- .NET {meta['dotnet']}, PostgreSQL {meta['postgres']} (fsync on, synchronous_commit on), SQLite (WAL), {meta['wrk']}",
        f"- load: every scenario runs `wrk -t{meta['threads']} -c{meta['connections']} --timeout {meta['timeout']}s` for "
        f"{meta['duration']} s in all ({meta['rounds']} round(s) of {meta['round_seconds']} s; the deep and first pages, and the "
        f"new, long and shared chats, take turns round by round), after a {meta['warmup']} s warm-up; percentiles are over all "
        f"the rounds' requests; wrk, the server and the database share the machine",
        f"- server: Release build, `ASPNETCORE_ENVIRONMENT=Production`, rate limits lifted (`RateLimiting__AuthPerMinute=0`, "
        f"`RateLimiting__ChatPerMinute=0`), logging at Warning, `Diagnostics__DbCommandsHeader=true`",
        "",
    ]
    verdicts = []
    summary_lines = []
    for provider in meta["providers"]:
        seed_info = json.load(open(os.path.join(args.work, f"{provider}-seed.json")))
        lines += [f"## {provider}", ""]
        lines += [
            f"Seeded in {seed_info['seconds']} s: {seed_info['users']} users with {seed_info['tasks_per_user']} tasks each "
            f"(through the API, tasks by SQL), one user with {seed_info['big_tasks']:,} tasks, {seed_info['conversations']} conversations "
            f"with {seed_info['messages']:,} messages each (all but one for chat_long, one for chat_shared), and a user for each "
            f"chat scenario with 60 pending tasks at the start. The deep page is page {seed_info['deep_page']} of 50 "
            f"(its first task is #{seed_info['deep_first_number']:,}; cursor found by walking {seed_info['pages_walked']} pages).",
            "",
            "| scenario | requests/s | p50 ms | p99 ms | max ms | requests | non-2xx | socket errors | peak RSS MB |",
            "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        runs = {}
        for key, label in SCENARIOS:
            run = read_run(args.work, provider, key)
            runs[key] = run
            if run is None:
                continue
            if "error" in run:
                lines.append(f"| {label} | failed: {run['error']} | | | | | | | |")
                continue
            lines.append(
                f"| {label} | {run['rps']:,.0f} | {ms(run['p50_us'])} | {ms(run['p99_us'])} | {ms(run['max_us'])} | "
                f"{run['requests']:,} | {run['non2xx']} | {run['socket_errors']} | {run.get('hwm_kb', 0) / 1024:.0f} |")
            summary_lines.append(
                f"{provider:8} {key:11} {run['rps']:9.0f} req/s  p50 {ms(run['p50_us']):>8} ms  p99 {ms(run['p99_us']):>8} ms  "
                f"non-2xx {run['non2xx']}  errors {run['socket_errors']}  peak RSS {run.get('hwm_kb', 0) / 1024:.0f} MB")
        final = json.load(open(os.path.join(args.work, f"{provider}-final.json")))
        logged = json.load(open(os.path.join(args.work, f"{provider}-log.json")))
        lines += [
            "",
            f"Load average (1, 5, 15 min) before this database's runs: {final['load_before']}; after: {final['load_after']} "
            f"(on {meta['nproc']} cores; anything above the benchmark's own load is other work on the machine). "
            f"The server logged {logged['failed_requests']} failed request(s) under load"
            + (f" and {logged['other_errors']} cancelled transaction(s) (requests cut off when wrk closed its connections at the end of a run)"
               if logged["other_errors"] else "") + ".",
            "",
            f"Server memory: RSS {final['rss_kb'] / 1024:.0f} MB at the end, peak {final['hwm_kb'] / 1024:.0f} MB "
            f"over the whole run (seeding included). X-Db-Commands of a list request: {seed_info['db_commands_list_cold']} "
            f"for a user's first request (the active-user check, then cached for Auth:ActiveUserRecheck), "
            f"{seed_info['db_commands_list_warm']} after; deep page: {seed_info['db_commands_deep_page']}; "
            + ", ".join(f"{key}: {count}" for key, count in seed_info.get("db_commands_queries", {}).items()) + ".",
            "",
            f"The 100,000-task user's tasks are spread over {BIG_LISTS} lists and {BIG_LABELS} labels with mixed priorities; "
            f"the filtered and sorted pages are `GET /api/tasks?` + " + "; ".join(f"{key}: `{query}`" for key, query in QUERIES.items())
            + f"; filter_deep is filter_label's page {FILTER_DEEP_PAGE} (its first task is "
            f"#{seed_info.get('filter_deep_first_number', 0):,}).",
            "",
        ]

        def ratio_target(name, numerator, denominator, limit):
            a, b = runs.get(numerator), runs.get(denominator)
            if not a or not b or "error" in a or "error" in b or not b["p50_us"]:
                return (name, False, "not measured")
            ratio = a["p50_us"] / b["p50_us"]
            return (name, ratio <= limit,
                    f"{ms(a['p50_us'])} ms / {ms(b['p50_us'])} ms = {ratio:.2f} (limit {limit})")

        checks = [
            ratio_target("deep page p50 <= 1.5 x first page p50", "deep_page", "first_page", 1.5),
            ratio_target("chat in a 10,000-message conversation p50 <= 1.3 x new conversation p50", "chat_long", "chat_new", 1.3),
            ratio_target("chat with every connection in ONE 10,000-message conversation p50 <= 1.3 x new conversation p50",
                         "chat_shared", "chat_new", 1.3),
        ]
        for key in QUERIES:
            checks.append(ratio_target(f"{key} p50 <= 1.5 x first page p50", key, "first_page", 1.5))
        checks.append(ratio_target("filter_deep p50 <= 1.5 x filter_label p50 (its first page)", "filter_deep", "filter_label", 1.5))
        for key in DUE_DEEP:
            checks.append(ratio_target(f"{key} p50 <= 1.5 x first page p50", key, "first_page", 1.5))
        checks.append(ratio_target("activity_deep p50 <= 1.5 x activity_first p50 (constant time deep in the log)",
                                   "activity_deep", "activity_first", 1.5))
        completion = seed_info.get("db_commands_completion", {})
        checks.append(("completing a repeating task costs no more round trips than a plain one",
                       bool(completion) and all(completion.get(k) for k in ("plain", "recurring"))
                       and int(completion["recurring"]) <= int(completion["plain"]),
                       ", ".join(f"{key} {count}" for key, count in completion.items()) or "not measured"))
        query_counts = seed_info.get("db_commands_queries", {})
        checks.append(("each filtered or sorted page is 1 SQL round trip",
                       bool(query_counts) and all(c is not None and int(c) == 1 for c in query_counts.values()),
                       ", ".join(f"{key} {count}" for key, count in query_counts.items()) or "not measured"))
        counts = [int(seed_info[k]) for k in ("db_commands_list_cold", "db_commands_list_warm") if seed_info[k] is not None]
        checks.append(("a list request <= 2 SQL round trips", bool(counts) and max(counts) <= 2,
                       f"{seed_info['db_commands_list_cold']} (first request), {seed_info['db_commands_list_warm']} (next)"))
        measured = [r for r in runs.values() if r]
        failed = [k for k, r in runs.items() if r and ("error" in r or r["non2xx"] or r["non2xx_line"] or r["socket_errors"])]
        checks.append(("zero non-2xx (and no socket errors) in every load run", bool(measured) and not failed,
                       "all clean" if not failed else "failed in: " + ", ".join(failed)))
        checks.append(("server RSS <= 300 MB at the end", final["rss_kb"] <= 300 * 1024,
                       f"{final['rss_kb'] / 1024:.0f} MB"))
        lines += ["| target | result | measured |", "|---|---|---|"]
        for name, ok, detail in checks:
            lines.append(f"| {name} | {'PASS' if ok else 'FAIL'} | {detail} |")
            verdicts.append((provider, name, ok, detail))
        lines.append("")

    changes = os.path.join(os.path.dirname(os.path.abspath(__file__)), "changes.md")
    if os.path.exists(changes):
        lines += ["## What was changed for speed", "", open(changes).read().strip(), ""]

    all_ok = all(ok for _, _, ok, _ in verdicts)
    lines.insert(2, f"**Targets: {'all PASS' if all_ok else 'some FAIL'}** "
                    f"({sum(ok for *_, ok, _ in verdicts)}/{len(verdicts)} checks; details per database below)\n")
    with open(args.out, "w") as f:
        f.write("\n".join(lines).rstrip() + "\n")
    print("\n".join(summary_lines))
    print()
    for provider, name, ok, detail in verdicts:
        print(f"{'PASS' if ok else 'FAIL'}  {provider:8} {name}: {detail}")
    print(f"\nresults: {args.out}")


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("seed")
    s.add_argument("--base", required=True)
    s.add_argument("--provider", choices=["postgres", "sqlite"], required=True)
    s.add_argument("--psql")
    s.add_argument("--pg-host", default="127.0.0.1")
    s.add_argument("--pg-port", type=int)
    s.add_argument("--pg-database", default="todo")
    s.add_argument("--sqlite")
    s.add_argument("--out", required=True)
    s.add_argument("--users", type=int, default=20)
    s.add_argument("--tasks-per-user", type=int, default=100)
    s.add_argument("--big-tasks", type=int, default=100_000)
    s.add_argument("--messages", type=int, default=10_000)
    s.add_argument("--conversations", type=int, default=32)
    s.add_argument("--deep-page", type=int, default=1999)
    m = sub.add_parser("summary")
    m.add_argument("--work", required=True)
    m.add_argument("--provider", required=True)
    m.add_argument("--key", required=True)
    r = sub.add_parser("report")
    r.add_argument("--work", required=True)
    r.add_argument("--out", required=True)
    args = parser.parse_args()
    {"seed": seed, "summary": summary, "report": report}[args.command](args)


if __name__ == "__main__":
    main()
