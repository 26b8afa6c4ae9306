global using System.Text.RegularExpressions;
global using AfterSales.BrowserTests.Infrastructure;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
global using static AfterSales.BrowserTests.Infrastructure.Journeys;
