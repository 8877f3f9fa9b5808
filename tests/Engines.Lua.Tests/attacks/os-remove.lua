-- expect: runtime_error field 'remove'
os.remove("/tmp/x")
