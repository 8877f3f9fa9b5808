-- expect: runtime_error only 'count'
collectgarbage("collect")
