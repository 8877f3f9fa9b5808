-- expect: runtime_error field 'io'
return _G.io.open("/etc/passwd")
