from planc.entry import main

main()
