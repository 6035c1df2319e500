#!/usr/bin/env python3
"""Live-update latency across two server copies on one PostgreSQL (fsync on); see bench/README.md.

    bench/live.py [--changes N] [--interval-ms MS] [--no-build] [--out FILE]

Starts a throwaway PostgreSQL and two servers (A and B) on it, signs a user in, opens GET /api/events on B, then makes
N changes through A (POST /api/tasks, one every --interval-ms) and reports, per change, the time from A's response to
the event's arrival on B's stream (p50, p99, max; an event may even arrive before A's answer is read, as it is sent at
commit: such a change counts 0), and from the request's start. Targets: p50 <= 300 ms, p99 <= 1 s.
Everything listens on 127.0.0.1; the run is bounded (--deadline, default 300 s) and on exit, also on failure or Ctrl-C,
the servers are killed, PostgreSQL stopped and the temporary folder removed.
"""

import argparse
import glob
import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SERVER_OUT = os.path.join(REPO, "src", "Todo.Server", "bin", "Release", "net10.0")


def log(message):
    print(f"[live] {message}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_pg(command):
    return ["runuser", "-u", "postgres", "--"] + command if os.getuid() == 0 else command


def pg_bin():
    for directory in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: int(d.split("/")[4]), reverse=True):
        if all(os.access(os.path.join(directory, tool), os.X_OK) for tool in ("initdb", "pg_ctl", "createdb")):
            return directory
    sys.exit("live.py: no PostgreSQL binaries (initdb, pg_ctl, createdb) under /usr/lib/postgresql/*/bin")


class Run:
    def __init__(self):
        self.work = tempfile.mkdtemp(prefix="todo-live-", dir="/tmp")
        os.chmod(self.work, 0o755)
        self.servers = []
        self.pg_data = None
        self.pg = None

    def start_postgres(self):
        self.pg = pg_bin()
        self.pg_data = os.path.join(self.work, "pg")
        os.mkdir(self.pg_data)
        if os.getuid() == 0:
            shutil.chown(self.pg_data, "postgres")
        port = free_port()
        log(f"postgres: initdb and start on 127.0.0.1:{port} (fsync on)")
        subprocess.run(as_pg([f"{self.pg}/initdb", "-D", self.pg_data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                              "--locale=C.UTF-8", "--no-sync"]), cwd=self.work, check=True, capture_output=True, timeout=120)
        subprocess.run(as_pg([f"{self.pg}/pg_ctl", "-D", self.pg_data, "-l", f"{self.pg_data}/server.log", "-w", "-t", "60",
                              "-o", f"-p {port} -k {self.pg_data} -c listen_addresses=127.0.0.1 -c fsync=on "
                                    "-c synchronous_commit=on -c max_connections=200", "start"]),
                       cwd=self.work, check=True, capture_output=True, timeout=90)
        subprocess.run(as_pg([f"{self.pg}/createdb", "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "todo"]),
                       cwd=self.work, check=True, capture_output=True, timeout=60)
        return f"Host=127.0.0.1;Port={port};Database=todo;Username=postgres"

    def start_server(self, name, connection_string, signing_key):
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        env = dict(os.environ, ConnectionStrings__Todo=connection_string, Auth__SigningKey=signing_key,
                   RateLimiting__AuthPerMinute="0", RateLimiting__ChatPerMinute="0", ASPNETCORE_ENVIRONMENT="Production",
                   Logging__LogLevel__Default="Warning")
        output = open(os.path.join(self.work, f"server-{name}.log"), "w")
        process = subprocess.Popen(["dotnet", "Todo.Server.dll", "--urls", url], cwd=SERVER_OUT, env=env,
                                   stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        self.servers.append(process)
        for _ in range(300):
            if process.poll() is not None:
                sys.exit(f"live.py: server {name} exited during start-up:\n{open(output.name).read()}")
            try:
                with urllib.request.urlopen(f"{url}/health/ready", timeout=2) as answer:
                    if answer.status == 200:
                        log(f"server {name}: {url}")
                        return url
            except OSError:
                pass
            time.sleep(0.2)
        sys.exit(f"live.py: server {name} was not ready within 60 s")

    def close(self):
        for process in self.servers:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.servers:
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        if self.pg_data and os.path.exists(os.path.join(self.pg_data, "postmaster.pid")):
            result = subprocess.run(as_pg([f"{self.pg}/pg_ctl", "-D", self.pg_data, "-m", "fast", "-w", "-t", "30", "stop"]),
                                    capture_output=True, timeout=60)
            if result.returncode != 0:
                subprocess.run(as_pg([f"{self.pg}/pg_ctl", "-D", self.pg_data, "-m", "immediate", "-w", "-t", "10", "stop"]),
                               capture_output=True, timeout=30)
        shutil.rmtree(self.work, ignore_errors=True)


def call(base, method, path, body=None, token=None):
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=10)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    answer = connection.getresponse()
    data = answer.read()
    connection.close()
    if answer.status >= 300:
        raise RuntimeError(f"{method} {path}: {answer.status} {data[:300]!r}")
    return json.loads(data) if data else None


class Stream(threading.Thread):
    """GET /api/events on a server: the arrival time of each activity event, by task id."""

    def __init__(self, base, token):
        super().__init__(daemon=True)
        host, port = base.removeprefix("http://").split(":")
        self.connection = http.client.HTTPConnection(host, int(port), timeout=30)
        self.connection.request("GET", "/api/events", headers={"Authorization": f"Bearer {token}", "Accept": "text/event-stream"})
        self.response = self.connection.getresponse()
        if self.response.status != 200:
            raise RuntimeError(f"GET /api/events: {self.response.status}")
        self.arrivals = {}
        self.lock = threading.Lock()

    def run(self):
        event, data = None, []
        try:
            while True:
                line = self.response.fp.readline()
                if not line:
                    return
                line = line.decode().rstrip("\r\n")
                if line == "":
                    if event == "activity" and data:
                        arrived = time.perf_counter()
                        item = json.loads("\n".join(data))
                        with self.lock:
                            self.arrivals.setdefault(item["task"]["id"], arrived)
                    event, data = None, []
                elif line.startswith("event:"):
                    event = line[6:].strip()
                elif line.startswith("data:"):
                    data.append(line[5:].lstrip())
        except (OSError, ValueError):
            return

    def arrival(self, task_id):
        with self.lock:
            return self.arrivals.get(task_id)


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--changes", type=int, default=300)
    parser.add_argument("--interval-ms", type=float, default=20)
    parser.add_argument("--deadline", type=float, default=300, help="seconds the whole run may take")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--out", help="also write the summary (markdown) here")
    args = parser.parse_args()

    def too_long(*_):
        raise TimeoutError(f"the run took longer than {args.deadline} s")
    signal.signal(signal.SIGALRM, too_long)
    signal.alarm(int(args.deadline))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    if not args.no_build:
        log("building the server (Release)")
        subprocess.run(["dotnet", "build", "src/Todo.Server/Todo.Server.csproj", "-c", "Release", "--nologo", "-v", "q",
                        "-clp:ErrorsOnly"], cwd=REPO, check=True, timeout=600)
    if not os.path.exists(os.path.join(SERVER_OUT, "Todo.Server.dll")):
        sys.exit(f"live.py: {SERVER_OUT}/Todo.Server.dll is missing (run without --no-build)")

    run = Run()
    try:
        connection_string = run.start_postgres()
        key = secrets.token_hex(32)
        a = run.start_server("A", connection_string, key)  # migrates the database
        b = run.start_server("B", connection_string, key)

        email = f"live-{secrets.token_hex(6)}@example.com"
        call(a, "POST", "/api/auth/register", {"email": email, "password": "correct horse battery"})
        token = call(a, "POST", "/api/auth/login", {"email": email, "password": "correct horse battery"})["access_token"]
        stream = Stream(b, token)
        stream.start()

        # Warm-up: both servers' paths are jitted and the stream is live before anything is measured.
        for i in range(20):
            call(a, "POST", "/api/tasks", {"title": f"warm-up {i}"}, token)
        time.sleep(1)

        log(f"{args.changes} changes through A, one every {args.interval_ms} ms; events read on B")
        writes = []
        for i in range(args.changes):
            started = time.perf_counter()
            task = call(a, "POST", "/api/tasks", {"title": f"change {i}"}, token)
            answered = time.perf_counter()
            writes.append((task["id"], started, answered))
            pause = args.interval_ms / 1000 - (time.perf_counter() - started)
            if pause > 0:
                time.sleep(pause)

        wait_until = time.perf_counter() + 5
        while time.perf_counter() < wait_until and any(stream.arrival(t) is None for t, _, _ in writes):
            time.sleep(0.05)

        from_answer, from_start, missing = [], [], 0
        for task_id, started, answered in writes:
            arrived = stream.arrival(task_id)
            if arrived is None:
                missing += 1
                continue
            from_answer.append(max(0.0, arrived - answered) * 1000)
            from_start.append((arrived - started) * 1000)

        if not from_answer:
            sys.exit("live.py: no event arrived on B")
        p50, p99 = percentile(from_answer, 50), percentile(from_answer, 99)
        lines = [
            f"# Live updates across two servers ({time.strftime('%Y-%m-%d')})",
            "",
            f"- {os.cpu_count()} cores; PostgreSQL fsync on; {args.changes} task creations through server A, one every "
            f"{args.interval_ms:g} ms; one SSE client on server B.",
            f"- Arrived on B: {len(from_answer)} of {args.changes} (missing {missing}).",
            "",
            "| measured from | p50 | p99 | max |",
            "|---|---|---|---|",
            f"| A's response | {p50:.1f} ms | {p99:.1f} ms | {max(from_answer):.1f} ms |",
            f"| A's request start | {percentile(from_start, 50):.1f} ms | {percentile(from_start, 99):.1f} ms | "
            f"{max(from_start):.1f} ms |",
            "",
            f"Targets (from the response): p50 <= 300 ms {'met' if p50 <= 300 else 'MISSED'}, "
            f"p99 <= 1000 ms {'met' if p99 <= 1000 and missing == 0 else 'MISSED'}.",
        ]
        summary = "\n".join(lines)
        print(summary)
        if args.out:
            with open(args.out, "w") as out:
                out.write(summary + "\n")
        return 0 if p50 <= 300 and p99 <= 1000 and missing == 0 else 1
    finally:
        signal.alarm(0)
        run.close()


if __name__ == "__main__":
    sys.exit(main())
