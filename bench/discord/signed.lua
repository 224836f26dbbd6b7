-- wrk script: POSTs the pre-signed interactions in $REQUESTS (timestamp TAB signature TAB body per line), each once
-- per thread, threads taking alternate lines so no interaction id is sent twice ($THREADS must match wrk's -t).
local requests = {}
local index = 0

function setup(thread)
  thread:set("id", index)
  index = index + 1
end

function init(args)
  local n = 0
  local threads = tonumber(os.getenv("THREADS") or "1")
  for line in io.lines(os.getenv("REQUESTS")) do
    if n % threads == id then
      local ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", "/discord/interactions", {
        ["Content-Type"] = "application/json",
        ["X-Signature-Timestamp"] = ts,
        ["X-Signature-Ed25519"] = sig,
      }, body)
    end
    n = n + 1
  end
  position = 0
end

function request()
  position = position + 1
  if position > #requests then
    position = 1 -- past the end ids repeat and hit the de-duplication ledger: make the file longer than the run
  end
  return requests[position]
end
