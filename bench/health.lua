-- GET /health/ready (no token): the readiness probe a load balancer sends.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
function request()
  return wrk.format("GET", "/health/ready")
end
