"""Reports for committees and scripts: the Sachstandsbericht and the Maßnahmensteckbriefe."""
