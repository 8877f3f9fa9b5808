-- expect: runtime_error upvalue '_ENV'
_ENV = nil
print("x")
