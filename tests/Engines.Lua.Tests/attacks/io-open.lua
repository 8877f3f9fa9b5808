-- expect: runtime_error global 'io'
return io.open("/etc/passwd")
