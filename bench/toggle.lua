-- PATCH /api/tasks/{id}/complete, rotating over a few tasks of every seeded user.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local i = 0
function request()
  i = i + 1
  local t = data.toggles[(i + tid * 13) % #data.toggles + 1]
  return wrk.format("PATCH", "/api/tasks/" .. t.id .. "/complete", auth(t.token))
end
