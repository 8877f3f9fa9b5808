-- expect: runtime_error field 'getenv'
return os.getenv("HOME")
