-- Chapter 1 of a random work out of the whole archive of examples/bench_server.rs (every work has
-- one): at 1,000,000 works nearly every request reads a work no earlier request touched, from
-- anywhere in the database file. Set WORKS to the archive's size (default 1,000,000). Usage:
--   WORKS=1000000 wrk -t2 -c64 -d15s --latency -s crates/web/examples/random_works.lua http://127.0.0.1:8088
local works = tonumber(os.getenv("WORKS") or "1000000")
math.randomseed(7)
request = function()
  return wrk.format("GET", "/works/" .. math.random(1, works) .. "/chapters/1")
end
