const ok = true;
const value = json.decode("{");
return value;
