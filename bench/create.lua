-- POST /api/tasks, rotating over the seeded users (each user's counter row is locked per create).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local i = 0
function request()
  i = i + 1
  local token = data.tokens[(i + tid * 7) % #data.tokens + 1]
  local body = string.format('{"title":"bench task %d-%d","description":"made by wrk"}', tid, i)
  return wrk.format("POST", "/api/tasks", auth(token, { ["Content-Type"] = "application/json" }), body)
end
