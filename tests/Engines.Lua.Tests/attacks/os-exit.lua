-- expect: runtime_error field 'exit'
os.exit(1)
