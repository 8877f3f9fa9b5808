print("about to fail")
error({ code = "out_of_stock", message = "no " .. (input.item or "thing") .. " left" })
