-- wrk script: prints one "RESULT key=value ..." line at the end.
-- With the argument "close" (wrk ... -- close) every request says "Connection: close",
-- so each request opens a new connection and a new TLS handshake (which wrk resumes).
local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

function init(args)
   if args[1] == "close" then
      wrk.headers["Connection"] = "close"
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT requests=%d us=%d bytes=%d p99_us=%d errors=%d\n",
      summary.requests, summary.duration, summary.bytes, latency:percentile(99),
      e.connect + e.read + e.write + e.status + e.timeout))
end
