-- One filtered or sorted page of 50 of the user with 100,000 tasks: BENCH_QUERY names it in data.big_paths
-- (filter_list, filter_label, filter_priority_list, sort_priority, filter_deep, the due queries and their deep pages;
-- see bench.py QUERIES and DUE_DEEP).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local path = assert(data.big_paths[os.getenv("BENCH_QUERY")], "unknown BENCH_QUERY")
function request()
  return wrk.format("GET", path, auth(data.big_token))
end
