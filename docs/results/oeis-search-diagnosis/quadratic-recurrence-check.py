import csv, itertools
P=(1<<61)-1
r=list(csv.DictReader(open('docs/results/oeis-all-0s-v3/verdicts.tsv'),delimiter='\t'))
left={x['id'] for x in r if x['classical']!='wrong' and x['fit'] in('none',) and x['guess']=='none'}
seqs={}
for line in open('../shared/data/oeis/OEIS_clean.txt'):
    p=line.strip().split(' ',1)
    if p[0] in left:
        seqs[p[0]]=[int(v) for v in p[1].strip(',').split(',') if v]
def rank_consistent(rows):
    # rows: list of lists mod P, last is rhs; return True if consistent
    m=[row[:] for row in rows]; ncol=len(m[0])-1; rk=0
    for c in range(ncol):
        piv=next((i for i in range(rk,len(m)) if m[i][c]),None)
        if piv is None: continue
        m[rk],m[piv]=m[piv],m[rk]
        inv=pow(m[rk][c],P-2,P)
        m[rk]=[v*inv%P for v in m[rk]]
        for i in range(len(m)):
            if i!=rk and m[i][c]:
                f=m[i][c]; m[i]=[(a-f*b)%P for a,b in zip(m[i],m[rk])]
        rk+=1
    return all(m[i][ncol]==0 for i in range(rk,len(m))), rk
found=[]
for sid,t in seqs.items():
    tr=t[:-10]
    for K in (1,2,3,4):
        vars_=lambda n:[n]+[tr[n-i] for i in range(1,K+1)]
        mons=[()]+[(i,) for i in range(K+1)]+[(i,j) for i in range(K+1) for j in range(i,K+1)]
        if K==1: mons+= [(1,1,1),(0,1,1),(0,0,1)]
        rows=[]
        for n in range(K,len(tr)):
            v=vars_(n)
            row=[]
            for mo in mons:
                x=1
                for i in mo: x*=v[i]
                row.append(x%P)
            row.append(tr[n]%P)
            rows.append(row)
        if len(rows) < len(mons)+4: continue
        ok,rk=rank_consistent(rows)
        if ok and rk>=1:
            found.append((sid,K)); break
print(len(seqs), len(found), found[:30])
