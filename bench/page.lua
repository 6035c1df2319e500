-- One page of 50 of the user with 100,000 tasks: the first (BENCH_PAGE=first) or the one ~2,000 pages in
-- (BENCH_PAGE=deep, a next_cursor obtained by walking the pages).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local path = "/api/tasks?limit=50"
if os.getenv("BENCH_PAGE") == "deep" then
  path = path .. "&cursor=" .. data.deep_cursor
end
function request()
  return wrk.format("GET", path, auth(data.big_token))
end
