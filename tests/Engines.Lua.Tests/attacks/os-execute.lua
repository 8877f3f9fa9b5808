-- expect: runtime_error field 'execute'
return os.execute("id")
