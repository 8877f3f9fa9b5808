-- expect: runtime_error global 'debug'
debug.sethook()
while true do end
