-- expect: runtime_error method 'dump'
return ("x"):dump()
