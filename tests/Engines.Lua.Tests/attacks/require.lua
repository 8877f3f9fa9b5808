-- expect: runtime_error global 'require'
return require("os")
