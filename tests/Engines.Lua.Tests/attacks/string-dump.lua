-- expect: runtime_error field 'dump'
return string.dump(function() end)
