-- expect: runtime_error global 'setfenv'
setfenv(1, {})
