-- expect: output_limit prints and logs
-- Logs count against the output budget too: 195 MB of log.info once went out.
for i = 1, 1000 do log.info(string.rep("x", 64 * 1024)) end
