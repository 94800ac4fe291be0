param x string = 'a
