# Writes the bytes of IN as a C initializer list ("0x95,0x04,...") to OUT, for #include in an array.
file(READ ${IN} hex HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "((0x..,){32})" "\\1\n" bytes "${bytes}")
file(WRITE ${OUT} "${bytes}\n")
