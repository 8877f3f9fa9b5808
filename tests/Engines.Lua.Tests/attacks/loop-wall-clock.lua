-- expect: timeout
-- limits: timeout_ms=300 max_instructions=1000000000000
while true do end
