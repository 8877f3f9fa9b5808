local x = 1
error("something broke")
