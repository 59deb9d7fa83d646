-- The public consultation page at a fixed pace: each connection waits so that, with the run's
-- connections, about 200 requests a second reach the server (FB_RATE to change it). wrk has no
-- fixed-rate mode; a delay per connection is how its own documentation paces requests.
local rate = tonumber(os.getenv("FB_RATE") or "200")
local connections = tonumber(os.getenv("FB_CONNECTIONS") or "4")
local pause = 1000 * connections / rate

delay = function()
  -- The response time is part of each connection's cycle: the pause leaves it out.
  return math.max(0, pause - 3)
end

done = function(summary, latency, requests)
  io.write(string.format("requests %d in %.1f s (%.0f/s), errors %d, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
