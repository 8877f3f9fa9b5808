-- expect: runtime_error global 'io'
local f = load("return io.open")
return f()
