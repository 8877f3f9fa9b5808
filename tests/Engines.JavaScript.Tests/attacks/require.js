// expect: runtime_error require is not defined
return require("fs");
