-- expect: runtime_error global 'debug'
return debug.getregistry()
