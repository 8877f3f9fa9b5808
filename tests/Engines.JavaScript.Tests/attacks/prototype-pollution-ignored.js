// expect: result {"a":1}
Object.prototype.polluted = "yes";
Array.prototype.extra = "yes";
return json.decode('{"a":1}');
