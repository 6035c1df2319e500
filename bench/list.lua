-- GET /api/tasks?limit=50 (first page, default sort), rotating over the seeded users.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local i = 0
function request()
  i = i + 1
  local token = data.tokens[(i + tid * 7) % #data.tokens + 1]
  return wrk.format("GET", "/api/tasks?limit=50", auth(token))
end
