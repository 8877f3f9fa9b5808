-- expect: runtime_error global 'dofile'
return dofile("/etc/passwd")
