// expect: runtime_error read only
json.encode = () => "pwned";
