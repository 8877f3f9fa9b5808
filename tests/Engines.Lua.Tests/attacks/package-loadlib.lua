-- expect: runtime_error global 'package'
return package.loadlib("libc.so.6", "system")
