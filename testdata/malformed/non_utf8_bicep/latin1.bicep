param owner string = 'Jérôme'
