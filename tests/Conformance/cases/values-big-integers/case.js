const big = json.decode("9007199254740993");
const max = json.decode("9223372036854775807");
return { big, max, text: json.encode([big, max]) };
