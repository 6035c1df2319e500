-- Shared by every scenario: loads the seeded data (tokens, ids, cursor) that bench.py wrote, numbers the
-- threads, and at the end prints one machine-readable BENCH line and, when BENCH_HIST names a file, writes
-- the latency histogram there ("microseconds count" per line), so that bench.py can merge rounds exactly.
data = dofile(os.getenv("BENCH_DATA"))

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function auth(token, extra)
  local headers = { ["Authorization"] = "Bearer " .. token }
  for k, v in pairs(extra or {}) do headers[k] = v end
  return headers
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d connect=%d read=%d write=%d timeout=%d\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, e.status, e.connect, e.read, e.write, e.timeout))
  local path = os.getenv("BENCH_HIST")
  if path then
    local f = assert(io.open(path, "w"))
    for i = 1, #latency do
      local value, count = latency(i)
      f:write(string.format("%d %d\n", value, count))
    end
    f:close()
  end
end
