const list = json.decode("[1,null,3]");
return { list, second_is_null: list[1] === json.null, length: list.length };
