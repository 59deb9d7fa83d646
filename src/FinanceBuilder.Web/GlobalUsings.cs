// The proposal's target route (funding proposal, concept note, SAP, PPF) is meant wherever
// "Route" appears in this project; ASP.NET Core's routing class of the same name is not used.
global using Route = FinanceBuilder.Web.Proposals.Model.Route;
