// final-query.js SEARCH_DIR QUERY...: what the final query alone fetches, in the search box's form ("text last*", limit 10),
// with a fresh sb-search.js per query (Node): files read, raw and gzip -6 bytes with lunr.min.js, the loader and the UI.
const fs=require('fs'), zlib=require('zlib'), path=require('path');
const root=path.resolve(process.argv[2]);
const qs=process.argv.slice(3);
(async()=>{
for (const text of qs) {
  const loaded=[]; const orig=fs.readFile;
  fs.readFile=function(p,...a){ loaded.push(p); return orig.call(fs,p,...a); };
  const lp=path.join(root,'sb-search.js'); delete require.cache[lp]; const L=require(lp);
  const last=text.trim().split(/\s+/).pop().toLowerCase();
  const q=text+' '+last+'*';
  const t=process.hrtime.bigint(); const r=await L.search(q,{root,limit:10}); const ms=Number(process.hrtime.bigint()-t)/1e6;
  fs.readFile=orig;
  const files=[path.join(root,'lunr.min.js'), path.join(root,'sb-search.js'), path.join(root,'..','assets','js','search.js'), ...loaded];
  let raw=0,gz=0; for (const f of files){const b=fs.readFileSync(f); raw+=b.length; gz+=zlib.gzipSync(b,{level:6}).length;}
  console.log(JSON.stringify({query:q, files:files.length, raw, gzip:gz, nodeMs:+ms.toFixed(1), total:r.total, more: loaded.filter(f=>f.includes('/more/')).length}));
}})();
