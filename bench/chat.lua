-- POST /api/chat with the built-in assistant, alternating "add ..." and "what's pending?".
-- BENCH_CHAT=new:    no conversation_id, so every turn starts a new conversation.
-- BENCH_CHAT=long:   every turn continues one of the seeded conversations of 10,000 messages (each turn adds
--                    2), rotating so that each conversation has about one turn in flight at a time.
-- BENCH_CHAT=shared: every turn of every connection continues the same 10,000-message conversation.
-- Each mode is a user of its own with the same 60 pending tasks at the start, so that the tasks one mode's
-- "add" turns create do not make another mode's "what's pending?" (which counts them) dearer.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local mode = os.getenv("BENCH_CHAT") or "new"
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")
local i = 0
function request()
  i = i + 1
  local message
  if i % 2 == 1 then
    message = string.format("add buy bench item %d-%d", tid, i)
  else
    message = "what's pending?"
  end
  local body
  if mode == "new" then
    body = string.format('{"message":"%s"}', message)
  else
    local conversation = data.shared_conversation
    if mode == "long" then
      -- Thread t takes every threads-th conversation, cycling through its share.
      conversation = data.conversations[(i * threads + tid) % #data.conversations + 1]
    end
    body = string.format('{"conversation_id":"%s","message":"%s"}', conversation, message)
  end
  return wrk.format("POST", "/api/chat", auth(data.chat_tokens[mode], { ["Content-Type"] = "application/json" }), body)
end
