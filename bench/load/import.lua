-- wrk script: POST one sample proposal per request (the import path: read, check, store).
-- Usage: wrk -t2 -c8 -d20s -s bench/load/import.lua http://127.0.0.1:5000/api/proposals -- samples/mitigation-tamale-solar-led.json
local body
function init(args)
  local f = assert(io.open(args[1] or "samples/mitigation-tamale-solar-led.json", "rb"))
  body = f:read("*a")
  f:close()
end
-- The headers given with -H (the session cookie) are kept: headers passed to wrk.format replace them.
function request()
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["Content-Type"] = "application/json"
  return wrk.format("POST", nil, headers, body)
end
