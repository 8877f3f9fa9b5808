-- expect: runtime_error global 'loadfile'
return loadfile("/etc/passwd")
